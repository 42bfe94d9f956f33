CREATE TABLE "readiness_views" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"party" text NOT NULL,
	"level" smallint NOT NULL,
	"words" text NOT NULL,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	CONSTRAINT "readiness_views_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "readiness_views_level_ck" CHECK ("readiness_views"."level" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "readiness_views" ADD CONSTRAINT "readiness_views_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_views" ADD CONSTRAINT "readiness_views_practice_id_given_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","given_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "readiness_views_episode_idx" ON "readiness_views" USING btree ("practice_id","episode_id","given_at");