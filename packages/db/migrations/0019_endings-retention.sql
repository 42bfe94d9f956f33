CREATE TABLE "episode_endings" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"details" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"responsible_id" uuid,
	CONSTRAINT "episode_endings_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "episode_destructions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"destroyed_by" uuid NOT NULL,
	"destroyed_at" timestamp with time zone NOT NULL,
	"erased" jsonb NOT NULL,
	CONSTRAINT "episode_destructions_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"years_after_last_service" integer NOT NULL,
	"years_after_majority" integer NOT NULL,
	"age_of_majority" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "episode_endings" ADD CONSTRAINT "episode_endings_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_endings" ADD CONSTRAINT "episode_endings_practice_id_recorded_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","recorded_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_endings" ADD CONSTRAINT "episode_endings_practice_id_responsible_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","responsible_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_destructions" ADD CONSTRAINT "episode_destructions_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_destructions" ADD CONSTRAINT "episode_destructions_practice_id_destroyed_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","destroyed_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "episode_endings_episode_idx" ON "episode_endings" USING btree ("practice_id","episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "episode_destructions_episode_idx" ON "episode_destructions" USING btree ("practice_id","episode_id");