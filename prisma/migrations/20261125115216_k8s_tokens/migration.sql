-- CreateTable
CREATE TABLE "K8sToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "K8sToken_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "K8sToken_attemptId_idx" ON "K8sToken"("attemptId");
