CREATE TABLE "boundary_entries" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"assessment" text NOT NULL,
	"occurred_on" date NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "boundary_entries_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "consent_documents" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"shares" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "consent_documents_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "consent_documents_version_uq" UNIQUE("practice_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "consent_signatures" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"signed_name" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_because" text,
	CONSTRAINT "consent_signatures_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "cover_arrangements" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"designee_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "cover_arrangements_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "cover_episodes" (
	"practice_id" uuid NOT NULL,
	"cover_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	CONSTRAINT "cover_episodes_practice_id_cover_id_episode_id_pk" PRIMARY KEY("practice_id","cover_id","episode_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_assignments" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "supervision_assignments_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
ALTER TABLE "boundary_entries" ADD CONSTRAINT "boundary_entries_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boundary_entries" ADD CONSTRAINT "boundary_entries_practice_id_author_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","author_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_practice_id_published_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","published_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_practice_id_document_id_consent_documents_practice_id_id_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."consent_documents"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_practice_id_signed_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","signed_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_arrangements" ADD CONSTRAINT "cover_arrangements_practice_id_therapist_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","therapist_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_arrangements" ADD CONSTRAINT "cover_arrangements_practice_id_designee_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","designee_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_episodes" ADD CONSTRAINT "cover_episodes_practice_id_cover_id_cover_arrangements_practice_id_id_fk" FOREIGN KEY ("practice_id","cover_id") REFERENCES "public"."cover_arrangements"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_episodes" ADD CONSTRAINT "cover_episodes_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_assignments" ADD CONSTRAINT "supervision_assignments_practice_id_supervisor_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","supervisor_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_assignments" ADD CONSTRAINT "supervision_assignments_practice_id_therapist_id_users_practice_id_id_fk" FOREIGN KEY ("practice_id","therapist_id") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_assignments" ADD CONSTRAINT "supervision_assignments_practice_id_assigned_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","assigned_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "boundary_entries_episode_idx" ON "boundary_entries" USING btree ("practice_id","episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_signatures_live_uq" ON "consent_signatures" USING btree ("practice_id","client_id","kind") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "consent_signatures_client_idx" ON "consent_signatures" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "cover_arrangements_designee_idx" ON "cover_arrangements" USING btree ("practice_id","designee_id");--> statement-breakpoint
CREATE INDEX "cover_arrangements_therapist_idx" ON "cover_arrangements" USING btree ("practice_id","therapist_id");--> statement-breakpoint
CREATE INDEX "cover_episodes_episode_idx" ON "cover_episodes" USING btree ("practice_id","episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_assignments_live_uq" ON "supervision_assignments" USING btree ("practice_id","supervisor_id","therapist_id") WHERE ended_at IS NULL;