ALTER TABLE "customers" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "password_hash";--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_subject_unique" UNIQUE("subject");