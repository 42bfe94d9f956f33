ALTER TABLE "clients" ALTER COLUMN "date_of_birth" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "alerts" ALTER COLUMN "inputs" SET DATA TYPE text;