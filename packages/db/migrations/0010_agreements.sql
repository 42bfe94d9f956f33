CREATE TABLE "agreement_responses" (
	"practice_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"party" text NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	CONSTRAINT "agreement_responses_practice_id_version_id_party_pk" PRIMARY KEY("practice_id","version_id","party")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" text NOT NULL,
	"subject_id" uuid,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "agreement_versions_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "agreement_versions_version_uq" UNIQUE("practice_id","agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "agreements_episode_kind_uq" UNIQUE("practice_id","episode_id","kind")
);
--> statement-breakpoint
ALTER TABLE "agreement_responses" ADD CONSTRAINT "agreement_responses_practice_id_version_id_agreement_versions_practice_id_id_fk" FOREIGN KEY ("practice_id","version_id") REFERENCES "public"."agreement_versions"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_responses" ADD CONSTRAINT "agreement_responses_practice_id_responded_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","responded_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_practice_id_agreement_id_agreements_practice_id_id_fk" FOREIGN KEY ("practice_id","agreement_id") REFERENCES "public"."agreements"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_practice_id_proposed_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","proposed_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_versions_subject_idx" ON "agreement_versions" USING btree ("practice_id","subject_id");