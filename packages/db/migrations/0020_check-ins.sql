CREATE TABLE "aftercare_queue" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"booster_appointment_id" uuid,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	CONSTRAINT "aftercare_queue_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"after_months" integer NOT NULL,
	"due_on" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"instruments" text[] NOT NULL,
	"invited_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"response_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"words" text,
	"wants_to_talk" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
ALTER TABLE "aftercare_queue" ADD CONSTRAINT "aftercare_queue_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_queue" ADD CONSTRAINT "aftercare_queue_practice_id_check_in_id_check_ins_practice_id_id_fk" FOREIGN KEY ("practice_id","check_in_id") REFERENCES "public"."check_ins"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_queue" ADD CONSTRAINT "aftercare_queue_practice_id_booster_appointment_id_appointments_practice_id_id_fk" FOREIGN KEY ("practice_id","booster_appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aftercare_queue" ADD CONSTRAINT "aftercare_queue_practice_id_handled_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","handled_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aftercare_queue_check_in_key" ON "aftercare_queue" USING btree ("practice_id","check_in_id");--> statement-breakpoint
CREATE INDEX "aftercare_queue_open_idx" ON "aftercare_queue" USING btree ("practice_id","episode_id") WHERE handled_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_episode_month_key" ON "check_ins" USING btree ("practice_id","episode_id","after_months");--> statement-breakpoint
CREATE INDEX "check_ins_client_idx" ON "check_ins" USING btree ("practice_id","client_id","status");