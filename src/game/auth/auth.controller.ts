import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ChangePasswordDto } from '../protocol/password.dto';
import { CredentialsDto } from '../protocol/player.dto';
import type { SessionResponse } from '../protocol/messages';
import { CurrentClaims, CurrentPrincipal, HttpAuthGuard } from './http-auth.guard';
import { type Principal, PlayersService } from './players.service';
import { SessionRevocationService } from './session-revocation.service';
import type { SessionClaims } from './session-token';

/** The same sign-in as the socket's player:register / player:login, for HTTP clients (instructor tools, scripts). */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly players: PlayersService,
    private readonly revocation: SessionRevocationService,
  ) {}

  @Post('register')
  @HttpCode(201)
  register(@Body() body: CredentialsDto): Promise<SessionResponse> {
    return this.players.register(body.name, body.password);
  }

  @Post('login')
  @HttpCode(200)
  login(@Body() body: CredentialsDto): Promise<SessionResponse> {
    return this.players.login(body.name, body.password);
  }

  /** Revokes the bearer token itself (sockets signed in with it are disconnected); 204. */
  @Post('logout')
  @HttpCode(204)
  @UseGuards(HttpAuthGuard)
  async logout(@CurrentPrincipal() principal: Principal, @CurrentClaims() claims: SessionClaims): Promise<void> {
    await this.revocation.logout(principal.playerId, claims);
  }

  /** `{ current, next }`: a new password; every other session is revoked, the answer carries a fresh token. */
  @Post('password')
  @HttpCode(200)
  @UseGuards(HttpAuthGuard)
  changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<SessionResponse> {
    return this.revocation.changePassword(principal.playerId, body.current, body.next);
  }
}
