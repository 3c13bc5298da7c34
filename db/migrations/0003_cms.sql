CREATE TYPE "public"."employment_type" AS ENUM('full_time', 'part_time', 'contract', 'internship', 'temporary');--> statement-breakpoint
CREATE TYPE "public"."program_format" AS ENUM('course', 'bootcamp', 'coaching', 'workshop');--> statement-breakpoint
CREATE TYPE "public"."program_level" AS ENUM('beginner', 'intermediate', 'advanced', 'all_levels');--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"partner_id" uuid,
	"company_name" text DEFAULT '' NOT NULL,
	"role_id" uuid,
	"location" text DEFAULT '' NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"employment_type" "employment_type" DEFAULT 'full_time' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"apply_url" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_status_chk" CHECK ("opportunities"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "opportunities_apply_url_chk" CHECK ("opportunities"."apply_url" ~ '^https://'),
	CONSTRAINT "opportunities_company_chk" CHECK ("opportunities"."partner_id" is not null or char_length("opportunities"."company_name") > 0),
	CONSTRAINT "opportunities_dates_chk" CHECK ("opportunities"."expires_at" is null or "opportunities"."published_at" is null or "opportunities"."expires_at" > "opportunities"."published_at")
);
--> statement-breakpoint
CREATE TABLE "program_roles" (
	"program_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	CONSTRAINT "program_roles_program_id_role_id_pk" PRIMARY KEY("program_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "program_skills" (
	"program_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "program_skills_program_id_skill_id_pk" PRIMARY KEY("program_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" "program_format" DEFAULT 'course' NOT NULL,
	"duration" text DEFAULT '' NOT NULL,
	"level" "program_level" DEFAULT 'all_levels' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_status_chk" CHECK ("programs"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "programs_slug_chk" CHECK ("programs"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "role_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"content" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_revisions_action_chk" CHECK ("role_revisions"."action" in ('create', 'save', 'publish', 'restore', 'unpublish', 'archive'))
);
--> statement-breakpoint
CREATE TABLE "role_slug_history" (
	"slug" text PRIMARY KEY NOT NULL,
	"role_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_settings_single_row_chk" CHECK ("site_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_roles" ADD CONSTRAINT "program_roles_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_roles" ADD CONSTRAINT "program_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_skills" ADD CONSTRAINT "program_skills_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_skills" ADD CONSTRAINT "program_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_revisions" ADD CONSTRAINT "role_revisions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_revisions" ADD CONSTRAINT "role_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_slug_history" ADD CONSTRAINT "role_slug_history_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_public_idx" ON "opportunities" USING btree ("published_at") WHERE "opportunities"."status" = 'published' and "opportunities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "opportunities_role_idx" ON "opportunities" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "program_roles_role_idx" ON "program_roles" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "program_skills_skill_idx" ON "program_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_slug_key" ON "programs" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programs_public_idx" ON "programs" USING btree ("title") WHERE "programs"."status" = 'published' and "programs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "role_revisions_role_idx" ON "role_revisions" USING btree ("role_id","version");--> statement-breakpoint
CREATE INDEX "role_slug_history_role_idx" ON "role_slug_history" USING btree ("role_id");