-- CreateTable
CREATE TABLE "resource_leases" (
    "workspace_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" UUID NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resource_leases_pkey" PRIMARY KEY ("workspace_id","kind","slot")
);

-- CreateIndex
CREATE INDEX "resource_leases_expires_at_idx" ON "resource_leases"("expires_at");
