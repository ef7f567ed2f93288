-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "scenarioVersion" INTEGER;

-- CreateTable
CREATE TABLE "AuthoredScenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "publishedVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AuthoredScenario_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthoredScenarioVersion" (
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "yaml" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "report" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,

    PRIMARY KEY ("scenarioId", "version"),
    CONSTRAINT "AuthoredScenarioVersion_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "AuthoredScenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuthoredScenario_ownerId_idx" ON "AuthoredScenario"("ownerId");
