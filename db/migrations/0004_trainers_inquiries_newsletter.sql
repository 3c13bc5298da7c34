CREATE TYPE "public"."application_status" AS ENUM('submitted', 'screening', 'interview', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."inquiry_kind" AS ENUM('partnership', 'demo');--> statement-breakpoint
CREATE TYPE "public"."inquiry_status" AS ENUM('new', 'contacted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('pending', 'confirmed', 'unsubscribed');--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_notes_body_chk" CHECK (char_length("application_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "application_roles" (
	"application_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	CONSTRAINT "application_roles_application_id_role_id_pk" PRIMARY KEY("application_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "application_scores" (
	"application_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"expertise" smallint NOT NULL,
	"communication" smallint NOT NULL,
	"fit" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_scores_application_id_reviewer_id_pk" PRIMARY KEY("application_id","reviewer_id"),
	CONSTRAINT "application_scores_range_chk" CHECK ("application_scores"."expertise" between 1 and 5 and "application_scores"."communication" between 1 and 5 and "application_scores"."fit" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "application_skills" (
	"application_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "application_skills_application_id_skill_id_pk" PRIMARY KEY("application_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"key" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainer_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"country" text NOT NULL,
	"languages" text[] NOT NULL,
	"offers" text[] NOT NULL,
	"years_experience" smallint NOT NULL,
	"headline" text NOT NULL,
	"bio" text NOT NULL,
	"linkedin_url" text,
	"website_url" text,
	"motivation" text NOT NULL,
	"availability" text NOT NULL,
	"cv_media_id" uuid,
	"cv_file_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainer_applications_email_chk" CHECK ("trainer_applications"."email" = lower("trainer_applications"."email") and "trainer_applications"."email" !~ '[\r\n]'),
	CONSTRAINT "trainer_applications_country_chk" CHECK ("trainer_applications"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "trainer_applications_years_chk" CHECK ("trainer_applications"."years_experience" between 0 and 60),
	CONSTRAINT "trainer_applications_offers_chk" CHECK (cardinality("trainer_applications"."offers") between 1 and 3 and "trainer_applications"."offers" <@ array['training', 'coaching', 'consulting']),
	CONSTRAINT "trainer_applications_urls_chk" CHECK (("trainer_applications"."linkedin_url" is null or "trainer_applications"."linkedin_url" ~ '^https://') and ("trainer_applications"."website_url" is null or "trainer_applications"."website_url" ~ '^https://'))
);
--> statement-breakpoint
CREATE TABLE "trainer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid,
	"headline" text NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainer_skills" (
	"user_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	CONSTRAINT "trainer_skills_user_id_skill_id_pk" PRIMARY KEY("user_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "inquiry_kind" NOT NULL,
	"status" "inquiry_status" DEFAULT 'new' NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"size" text NOT NULL,
	"partnership_type" text,
	"message" text DEFAULT '' NOT NULL,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text,
	"owner_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_email_chk" CHECK ("inquiries"."email" = lower("inquiries"."email") and "inquiries"."email" !~ '[\r\n]')
);
--> statement-breakpoint
CREATE TABLE "inquiry_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_notes_body_chk" CHECK (char_length("inquiry_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"status" "subscriber_status" DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirm_sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"source" text DEFAULT 'footer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_subscribers_email_chk" CHECK ("newsletter_subscribers"."email" = lower("newsletter_subscribers"."email") and "newsletter_subscribers"."email" !~ '[\r\n]')
);
--> statement-breakpoint
CREATE TABLE "form_bot_events" (
	"form" text NOT NULL,
	"reason" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "form_bot_events_form_reason_day_pk" PRIMARY KEY("form","reason","day")
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"form" text NOT NULL,
	"key" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_submissions_form_key_pk" PRIMARY KEY("form","key"),
	CONSTRAINT "form_submissions_key_chk" CHECK (char_length("form_submissions"."key") between 16 and 64)
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_roles" ADD CONSTRAINT "application_roles_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_roles" ADD CONSTRAINT "application_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_skills" ADD CONSTRAINT "application_skills_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_skills" ADD CONSTRAINT "application_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_applications" ADD CONSTRAINT "trainer_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_applications" ADD CONSTRAINT "trainer_applications_cv_media_id_media_id_fk" FOREIGN KEY ("cv_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_profiles" ADD CONSTRAINT "trainer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_profiles" ADD CONSTRAINT "trainer_profiles_application_id_trainer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."trainer_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_skills" ADD CONSTRAINT "trainer_skills_user_id_trainer_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."trainer_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_skills" ADD CONSTRAINT "trainer_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_notes" ADD CONSTRAINT "inquiry_notes_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_notes" ADD CONSTRAINT "inquiry_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_notes_application_idx" ON "application_notes" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_roles_role_idx" ON "application_roles" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "application_skills_skill_idx" ON "application_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trainer_applications_one_open_key" ON "trainer_applications" USING btree ("user_id") WHERE "trainer_applications"."status" in ('submitted', 'screening', 'interview');--> statement-breakpoint
CREATE INDEX "trainer_applications_user_idx" ON "trainer_applications" USING btree ("user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "trainer_applications_status_idx" ON "trainer_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "trainer_applications_country_idx" ON "trainer_applications" USING btree ("country");--> statement-breakpoint
CREATE INDEX "trainer_skills_skill_idx" ON "trainer_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "inquiries_inbox_idx" ON "inquiries" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_kind_idx" ON "inquiries" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_notes_inquiry_idx" ON "inquiry_notes" USING btree ("inquiry_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_email_key" ON "newsletter_subscribers" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_token_key" ON "newsletter_subscribers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_status_idx" ON "newsletter_subscribers" USING btree ("status","created_at");