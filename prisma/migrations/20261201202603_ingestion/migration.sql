-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "ended_reason" TEXT,
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "ingest_state" JSONB,
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "usage_records" ADD COLUMN     "event_id" TEXT,
ADD COLUMN     "external_call_id" TEXT,
ADD COLUMN     "line_key" TEXT,
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "voice_agents" ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "source" TEXT;

-- CreateTable
CREATE TABLE "ingest_events" (
    "workspace_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_events_pkey" PRIMARY KEY ("workspace_id","event_id")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE INDEX "ingest_events_received_at_idx" ON "ingest_events"("received_at");

-- CreateIndex
CREATE INDEX "rate_limit_counters_window_start_idx" ON "rate_limit_counters"("window_start");

-- CreateIndex
CREATE UNIQUE INDEX "calls_workspace_id_source_external_id_key" ON "calls"("workspace_id", "source", "external_id");

-- CreateIndex
CREATE INDEX "usage_records_workspace_id_source_external_call_id_idx" ON "usage_records"("workspace_id", "source", "external_call_id");

-- CreateIndex
CREATE UNIQUE INDEX "usage_records_workspace_id_source_line_key_key" ON "usage_records"("workspace_id", "source", "line_key");

-- CreateIndex
CREATE UNIQUE INDEX "voice_agents_workspace_id_source_external_id_key" ON "voice_agents"("workspace_id", "source", "external_id");

-- AddForeignKey
ALTER TABLE "ingest_events" ADD CONSTRAINT "ingest_events_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
