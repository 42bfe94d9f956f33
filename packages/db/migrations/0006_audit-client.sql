ALTER TABLE "audit_events" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "user_agent" text;