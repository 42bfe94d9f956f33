CREATE TABLE "record_requests" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"due_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"refusal_reason" text,
	CONSTRAINT "record_requests_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "copy_review_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "record_requests" ADD CONSTRAINT "record_requests_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_requests" ADD CONSTRAINT "record_requests_practice_id_decided_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","decided_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_requests_client_idx" ON "record_requests" USING btree ("practice_id","client_id","requested_at");