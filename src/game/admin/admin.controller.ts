import { Body, Controller, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { HttpAuthGuard, RequireRole } from '../auth/http-auth.guard';
import { type Principal, PlayersService } from '../auth/players.service';
import { ROLES, type Role } from '../auth/roles';
import { SessionRevocationService } from '../auth/session-revocation.service';
import type { PlayerRevokedResponse } from '../protocol/messages';

export class SetRoleDto {
  @IsIn(ROLES as Role[])
  role!: Role;
}

/**
 * Admin endpoints: `PUT /api/admin/players/:name/role { role }` makes an instructor (or takes the role back);
 * `POST /api/admin/players/:name/revoke` signs a player out everywhere (every token revoked, sockets dropped).
 */
@Controller('api/admin')
@UseGuards(HttpAuthGuard)
@RequireRole('admin')
export class AdminController {
  constructor(
    private readonly players: PlayersService,
    private readonly revocation: SessionRevocationService,
  ) {}

  @Put('players/:name/role')
  setRole(@Param('name') name: string, @Body() body: SetRoleDto): Promise<Principal> {
    return this.players.setRole(name, body.role);
  }

  @Post('players/:name/revoke')
  @HttpCode(200)
  revoke(@Param('name') name: string): Promise<PlayerRevokedResponse> {
    return this.revocation.revokeAll(name);
  }
}
