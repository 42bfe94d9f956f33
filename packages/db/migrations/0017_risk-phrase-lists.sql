CREATE TABLE "risk_phrase_lists" (
	"practice_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"languages" jsonb NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_phrase_lists_practice_id_version_pk" PRIMARY KEY("practice_id","version")
);
--> statement-breakpoint
ALTER TABLE "risk_phrase_lists" ADD CONSTRAINT "risk_phrase_lists_practice_id_saved_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","saved_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;