import { Body, Controller, Param, Put, UseGuards } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { HttpAuthGuard, RequireRole } from '../auth/http-auth.guard';
import { type Principal, PlayersService } from '../auth/players.service';
import { ROLES, type Role } from '../auth/roles';

export class SetRoleDto {
  @IsIn(ROLES as Role[])
  role!: Role;
}

/** Admin endpoints: `PUT /api/admin/players/:name/role { role }` makes an instructor (or takes the role back). */
@Controller('api/admin')
@UseGuards(HttpAuthGuard)
@RequireRole('admin')
export class AdminController {
  constructor(private readonly players: PlayersService) {}

  @Put('players/:name/role')
  setRole(@Param('name') name: string, @Body() body: SetRoleDto): Promise<Principal> {
    return this.players.setRole(name, body.role);
  }
}
