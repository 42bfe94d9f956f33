ALTER TABLE "appointments" ADD COLUMN "kind" text DEFAULT 'treatment' NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "measure_settings" jsonb;--> statement-breakpoint
ALTER TABLE "measure_tasks" ADD COLUMN "risk_alert_id" uuid;