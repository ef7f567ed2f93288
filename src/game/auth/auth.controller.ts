import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CredentialsDto } from '../protocol/player.dto';
import type { SessionResponse } from '../protocol/messages';
import { PlayersService } from './players.service';

/** The same sign-in as the socket's player:register / player:login, for HTTP clients (instructor tools, scripts). */
@Controller('api/auth')
export class AuthController {
  constructor(private readonly players: PlayersService) {}

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
}
