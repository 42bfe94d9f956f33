CREATE TABLE "discussion_items" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"text" text NOT NULL,
	"source_kind" text DEFAULT 'manual' NOT NULL,
	"source_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "discussion_items_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_client_ratings" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"rated_by" uuid NOT NULL,
	"level" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_client_ratings_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_review_ratings" (
	"practice_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "goal_review_ratings_practice_id_review_id_goal_id_pk" PRIMARY KEY("practice_id","review_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"t_score" double precision NOT NULL,
	"rule" text NOT NULL,
	"rule_version" text NOT NULL,
	"note" text,
	CONSTRAINT "goal_reviews_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"client_words" text NOT NULL,
	"therapist_words" text NOT NULL,
	"objectives" text NOT NULL,
	"gas_levels" text NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_practice_id_id_pk" PRIMARY KEY("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"practice_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" text NOT NULL,
	"shared_by" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "treatment_plans_practice_id_id_pk" PRIMARY KEY("practice_id","id"),
	CONSTRAINT "treatment_plans_version_uq" UNIQUE("practice_id","episode_id","version")
);
--> statement-breakpoint
ALTER TABLE "discussion_items" ADD CONSTRAINT "discussion_items_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_items" ADD CONSTRAINT "discussion_items_practice_id_created_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_items" ADD CONSTRAINT "discussion_items_practice_id_resolved_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","resolved_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_client_ratings" ADD CONSTRAINT "goal_client_ratings_practice_id_goal_id_goals_practice_id_id_fk" FOREIGN KEY ("practice_id","goal_id") REFERENCES "public"."goals"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_client_ratings" ADD CONSTRAINT "goal_client_ratings_practice_id_rated_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","rated_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_review_ratings" ADD CONSTRAINT "goal_review_ratings_practice_id_review_id_goal_reviews_practice_id_id_fk" FOREIGN KEY ("practice_id","review_id") REFERENCES "public"."goal_reviews"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_review_ratings" ADD CONSTRAINT "goal_review_ratings_practice_id_goal_id_goals_practice_id_id_fk" FOREIGN KEY ("practice_id","goal_id") REFERENCES "public"."goals"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_practice_id_reviewed_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","reviewed_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_practice_id_created_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","created_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_practice_id_episode_id_episodes_practice_id_id_fk" FOREIGN KEY ("practice_id","episode_id") REFERENCES "public"."episodes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_practice_id_shared_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","shared_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_practice_id_acknowledged_by_users_practice_id_id_fk" FOREIGN KEY ("practice_id","acknowledged_by") REFERENCES "public"."users"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discussion_items_episode_idx" ON "discussion_items" USING btree ("practice_id","episode_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_client_ratings_goal_idx" ON "goal_client_ratings" USING btree ("practice_id","goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_reviews_episode_idx" ON "goal_reviews" USING btree ("practice_id","episode_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "goals_episode_idx" ON "goals" USING btree ("practice_id","episode_id","created_at");