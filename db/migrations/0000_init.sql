CREATE TYPE "public"."user_role" AS ENUM('candidate', 'trainer', 'editor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."role_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" DEFAULT 'candidate' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower_chk" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_email_len_chk" CHECK (char_length("users"."email") between 3 and 254),
	CONSTRAINT "users_session_version_chk" CHECK ("users"."session_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bytes" "bytea" NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"alt_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_size_chk" CHECK ("media"."byte_size" > 0 and "media"."byte_size" = octet_length("media"."bytes")),
	CONSTRAINT "media_dimensions_chk" CHECK (("media"."width" is null or "media"."width" > 0) and ("media"."height" is null or "media"."height" > 0)),
	CONSTRAINT "media_sha256_chk" CHECK ("media"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "role_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_skills" (
	"role_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"share_pct" smallint NOT NULL,
	"is_emerging" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "role_skills_role_id_skill_id_pk" PRIMARY KEY("role_id","skill_id"),
	CONSTRAINT "role_skills_share_chk" CHECK ("role_skills"."share_pct" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"category_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"overview" text NOT NULL,
	"status" "role_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"updated_by" uuid,
	"responsibilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trends" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"growth_rate_pct" numeric(6, 2),
	"growth_period_start" smallint,
	"growth_period_end" smallint,
	"growth_driver" text,
	"entry_to_senior_ratio" numeric(5, 2),
	"demand_change_pct" numeric(6, 2),
	"demand_change_period" text,
	"demand_hubs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"salary_currency" text DEFAULT 'USD' NOT NULL,
	"salary_region" text DEFAULT 'United States' NOT NULL,
	"salary_min" integer,
	"salary_avg" integer,
	"salary_max" integer,
	"salary_max_open_ended" boolean DEFAULT false NOT NULL,
	"location_premiums" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_reviewed_at" date,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_slug_chk" CHECK ("roles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "roles_title_len_chk" CHECK (char_length("roles"."title") between 2 and 120),
	CONSTRAINT "roles_version_chk" CHECK ("roles"."version" >= 1),
	CONSTRAINT "roles_currency_chk" CHECK ("roles"."salary_currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "roles_salary_order_chk" CHECK (("roles"."salary_min" is null or "roles"."salary_min" > 0)
        and ("roles"."salary_min" is null or "roles"."salary_avg" is null or "roles"."salary_min" <= "roles"."salary_avg")
        and ("roles"."salary_avg" is null or "roles"."salary_max" is null or "roles"."salary_avg" <= "roles"."salary_max")
        and ("roles"."salary_min" is null or "roles"."salary_max" is null or "roles"."salary_min" <= "roles"."salary_max")),
	CONSTRAINT "roles_growth_chk" CHECK ("roles"."growth_rate_pct" is null or "roles"."growth_rate_pct" between -100 and 1000),
	CONSTRAINT "roles_demand_chk" CHECK ("roles"."demand_change_pct" is null or "roles"."demand_change_pct" between -100 and 1000),
	CONSTRAINT "roles_ratio_chk" CHECK ("roles"."entry_to_senior_ratio" is null or "roles"."entry_to_senior_ratio" > 0),
	CONSTRAINT "roles_growth_period_chk" CHECK ("roles"."growth_period_start" is null or "roles"."growth_period_end" is null or "roles"."growth_period_start" <= "roles"."growth_period_end"),
	CONSTRAINT "roles_published_chk" CHECK ("roles"."status" <> 'published' or "roles"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skills_slug_chk" CHECK ("skills"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "skills_name_len_chk" CHECK (char_length("skills"."name") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website_url" text,
	"logo_media_id" uuid,
	"display_order" integer DEFAULT 0 NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_website_https_chk" CHECK ("partners"."website_url" is null or "partners"."website_url" ~ '^https://')
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_skills" ADD CONSTRAINT "role_skills_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_skills" ADD CONSTRAINT "role_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_category_id_role_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."role_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_logo_media_id_media_id_fk" FOREIGN KEY ("logo_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "media_sha256_idx" ON "media" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "role_categories_slug_key" ON "role_categories" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "role_categories_name_key" ON "role_categories" USING btree ("name");--> statement-breakpoint
CREATE INDEX "role_skills_skill_idx" ON "role_skills" USING btree ("skill_id","share_pct");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_slug_key" ON "roles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "roles_category_idx" ON "roles" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "roles_public_idx" ON "roles" USING btree ("published_at") WHERE "roles"."status" = 'published' and "roles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "roles_status_idx" ON "roles" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "roles_salary_avg_idx" ON "roles" USING btree ("salary_avg");--> statement-breakpoint
CREATE INDEX "roles_growth_idx" ON "roles" USING btree ("growth_rate_pct");--> statement-breakpoint
CREATE INDEX "roles_search_idx" ON "roles" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_slug_key" ON "skills" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_name_key" ON "skills" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "partners_slug_key" ON "partners" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "partners_public_idx" ON "partners" USING btree ("display_order") WHERE "partners"."visible" and "partners"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");