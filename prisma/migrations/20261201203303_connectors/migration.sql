-- CreateTable
CREATE TABLE "connectors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "platform" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "previous_secret_sealed" TEXT,
    "secret_rotated_at" TIMESTAMPTZ(3),
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "connectors_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "connector_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "connector_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event_type" TEXT,
    "call_external_id" TEXT,
    "result" TEXT NOT NULL,
    "reason" TEXT,
    "payload" BYTEA,

    CONSTRAINT "connector_deliveries_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateIndex
CREATE INDEX "connectors_id_idx" ON "connectors"("id");

-- CreateIndex
CREATE INDEX "connector_deliveries_workspace_id_connector_id_received_at_idx" ON "connector_deliveries"("workspace_id", "connector_id", "received_at");

-- CreateIndex
CREATE INDEX "connector_deliveries_received_at_idx" ON "connector_deliveries"("received_at");

-- AddForeignKey
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connector_deliveries" ADD CONSTRAINT "connector_deliveries_workspace_id_connector_id_fkey" FOREIGN KEY ("workspace_id", "connector_id") REFERENCES "connectors"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
