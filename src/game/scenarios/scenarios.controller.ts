import { Controller, Get } from '@nestjs/common';
import type { ScenarioListResponse } from '../protocol/messages';
import { ScenariosService } from './scenarios.service';

@Controller('api/scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Get()
  list(): ScenarioListResponse {
    return { scenarios: this.scenarios.list() };
  }
}
