import { Body, Controller, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, HttpAuthGuard, RequireRole } from '../auth/http-auth.guard';
import type { Principal } from '../auth/players.service';
import { AuthoringYamlDto, PublishVersionDto, VersionParamsDto } from '../protocol/authoring.dto';
import type {
  AuthoringGetResponse,
  AuthoringListResponse,
  AuthoringReport,
  AuthoringSaveResponse,
  AuthoringScenarioResponse,
  AuthoringVersionsResponse,
} from '../protocol/messages';
import { AuthoringService } from './authoring.service';

/** Instructors' scenarios over HTTP (the socket's `authoring:*` messages do the same through AuthoringService). */
@Controller('api/authoring')
@UseGuards(HttpAuthGuard)
@RequireRole('instructor')
export class AuthoringController {
  constructor(private readonly authoring: AuthoringService) {}

  /** Validates without storing anything. */
  @Post('validate')
  @HttpCode(200)
  validate(@CurrentPrincipal() principal: Principal, @Body() body: AuthoringYamlDto): Promise<AuthoringReport> {
    return this.authoring.validate(principal, body.yaml);
  }

  @Get('scenarios')
  async list(@CurrentPrincipal() principal: Principal): Promise<AuthoringListResponse> {
    return { scenarios: await this.authoring.list(principal) };
  }

  /** A new scenario: version 1, stored with its report even when invalid. */
  @Post('scenarios')
  @HttpCode(201)
  create(@CurrentPrincipal() principal: Principal, @Body() body: AuthoringYamlDto): Promise<AuthoringSaveResponse> {
    return this.authoring.save(principal, body.yaml, { kind: 'create' });
  }

  /** A new version of one's scenario (the file's id must be `:id`). */
  @Put('scenarios/:id')
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: AuthoringYamlDto): Promise<AuthoringSaveResponse> {
    return this.authoring.save(principal, body.yaml, { kind: 'update', scenarioId: id });
  }

  @Post('scenarios/:id/publish')
  @HttpCode(200)
  async publish(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: PublishVersionDto): Promise<AuthoringScenarioResponse> {
    return { scenario: await this.authoring.publish(principal, id, body.version) };
  }

  @Post('scenarios/:id/unpublish')
  @HttpCode(200)
  async unpublish(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AuthoringScenarioResponse> {
    return { scenario: await this.authoring.unpublish(principal, id) };
  }

  @Get('scenarios/:id/versions')
  versions(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<AuthoringVersionsResponse> {
    return this.authoring.versions(principal, id);
  }

  @Get('scenarios/:id/versions/:version')
  version(@CurrentPrincipal() principal: Principal, @Param() params: VersionParamsDto): Promise<AuthoringGetResponse> {
    return this.authoring.get(principal, params.id, params.version);
  }
}
