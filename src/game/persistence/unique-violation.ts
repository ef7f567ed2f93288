import { Prisma } from '../../generated/prisma/client';

/** A unique index refused the write (Prisma's P2002): the "taken" / "already there" answer of the repositories. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
