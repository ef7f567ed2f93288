/*
  Warnings:

  - `tokenHash` becomes `passwordHash`: a skeleton player's token (hashed the same way, scrypt$salt$hash)
    is their password from now on. The first player becomes the admin.

*/
-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "scenarioIds" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventMember" (
    "eventId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("eventId", "playerId"),
    CONSTRAINT "EventMember_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMember_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "object" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "virtualMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Diagnosis_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "virtualMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "track" TEXT NOT NULL DEFAULT '',
    "week" TEXT,
    "eventId" TEXT,
    "seed" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "score" INTEGER,
    "breakdown" TEXT,
    "solveMs" INTEGER,
    "hintsUsed" INTEGER NOT NULL DEFAULT 0,
    "hintPoints" INTEGER NOT NULL DEFAULT 0,
    "diagnosisPoints" INTEGER NOT NULL DEFAULT 0,
    "quizPoints" INTEGER NOT NULL DEFAULT 0,
    "snapshot" TEXT,
    "virtualMs" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "Attempt_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attempt_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("breakdown", "finishedAt", "hintPoints", "hintsUsed", "id", "playerId", "scenarioId", "score", "seed", "snapshot", "solveMs", "startedAt", "state", "virtualMs") SELECT "breakdown", "finishedAt", "hintPoints", "hintsUsed", "id", "playerId", "scenarioId", "score", "seed", "snapshot", "solveMs", "startedAt", "state", "virtualMs" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_scenarioId_state_score_idx" ON "Attempt"("scenarioId", "state", "score");
CREATE INDEX "Attempt_playerId_scenarioId_state_idx" ON "Attempt"("playerId", "scenarioId", "state");
CREATE INDEX "Attempt_eventId_state_idx" ON "Attempt"("eventId", "state");
CREATE INDEX "Attempt_track_state_idx" ON "Attempt"("track", "state");
CREATE INDEX "Attempt_week_state_idx" ON "Attempt"("week", "state");
CREATE TABLE "new_Player" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Player" ("createdAt", "id", "name", "passwordHash") SELECT "createdAt", "id", "name", "tokenHash" FROM "Player";
UPDATE "new_Player" SET "role" = 'admin' WHERE "id" = (SELECT "id" FROM "new_Player" ORDER BY "createdAt" ASC, "id" ASC LIMIT 1);
DROP TABLE "Player";
ALTER TABLE "new_Player" RENAME TO "Player";
CREATE UNIQUE INDEX "Player_name_key" ON "Player"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Event_code_key" ON "Event"("code");

-- CreateIndex
CREATE INDEX "Diagnosis_attemptId_idx" ON "Diagnosis"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAnswer_attemptId_questionId_key" ON "QuizAnswer"("attemptId", "questionId");
