-- DropIndex
DROP INDEX "billing_periods_workspace_id_period_start_idx";

-- AlterTable
ALTER TABLE "billing_periods" ADD COLUMN     "adjustment_amount" DECIMAL(18,6) NOT NULL DEFAULT 0,
ADD COLUMN     "computed_at" TIMESTAMPTZ(3),
ADD COLUMN     "finalized_at" TIMESTAMPTZ(3),
ADD COLUMN     "invoice_number" TEXT,
ADD COLUMN     "paid_at" TIMESTAMPTZ(3),
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "void_reason" TEXT,
ADD COLUMN     "voided_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "trial_ends_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "billing_line_items" (
    "workspace_id" UUID NOT NULL,
    "billing_period_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "provider" TEXT,
    "usage_type" TEXT,
    "quantity" DECIMAL(18,6),
    "unit" TEXT,
    "amount" DECIMAL(18,6) NOT NULL,
    "adjusts_period_start" TIMESTAMPTZ(3),

    CONSTRAINT "billing_line_items_pkey" PRIMARY KEY ("workspace_id","billing_period_id","position")
);

-- CreateTable
CREATE TABLE "counters" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "counters_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "job_name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "billing_line_items_billing_period_id_idx" ON "billing_line_items"("billing_period_id");

-- CreateIndex
CREATE INDEX "job_runs_job_name_started_at_idx" ON "job_runs"("job_name", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "billing_periods_workspace_id_period_start_revision_key" ON "billing_periods"("workspace_id", "period_start", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "billing_periods_workspace_id_invoice_number_key" ON "billing_periods"("workspace_id", "invoice_number");

-- AddForeignKey
ALTER TABLE "billing_line_items" ADD CONSTRAINT "billing_line_items_billing_period_id_fkey" FOREIGN KEY ("billing_period_id") REFERENCES "billing_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
