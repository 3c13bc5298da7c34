DROP INDEX "roles_search_idx";--> statement-breakpoint
CREATE INDEX "roles_live_updated_idx" ON "roles" USING btree ("updated_at" DESC NULLS FIRST,"id") WHERE "roles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "roles_live_title_idx" ON "roles" USING btree ("title","id") WHERE "roles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "roles_live_status_title_idx" ON "roles" USING btree ("status","title","id") WHERE "roles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "roles_search_idx" ON "roles" USING gin ("search_vector") WITH (fastupdate=false);