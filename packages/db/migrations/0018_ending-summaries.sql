CREATE TABLE "ending_summaries" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" text NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone,
	CONSTRAINT "ending_summaries_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "ending_summaries_version_key" UNIQUE("practice_id","episode_id","version")
);
--> statement-breakpoint
ALTER TABLE "ending_summaries" ADD CONSTRAINT "ending_summaries_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ending_summaries" ADD CONSTRAINT "ending_summaries_practice_id_saved_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","saved_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ending_summaries" ADD CONSTRAINT "ending_summaries_practice_id_shared_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","shared_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ending_summaries_episode_idx" ON "ending_summaries" USING btree ("practice_id","episode_id","version");