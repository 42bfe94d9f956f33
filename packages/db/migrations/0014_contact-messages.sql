CREATE TABLE "messages" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"sender_party" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"agreement_version" integer NOT NULL,
	"outside_hours" boolean DEFAULT false NOT NULL,
	"risk_alert_id" uuid,
	"read_at" timestamp with time zone,
	"attachment_id" uuid,
	CONSTRAINT "messages_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "contact_settings" jsonb;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_practice_id_sender_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","sender_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_practice_id_attachment_id_attachments_practice_id_id_fk" FOREIGN KEY ("practice_id","attachment_id") REFERENCES "public"."attachments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_attachment_uq" ON "messages" USING btree ("practice_id","attachment_id");--> statement-breakpoint
CREATE INDEX "messages_episode_idx" ON "messages" USING btree ("practice_id","episode_id","sent_at");--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "messages" USING btree ("practice_id","episode_id","sender_party") WHERE read_at IS NULL;