import { parse } from 'yaml';
import { badRequest } from '../../cluster-engine/api/errors';
import { statusError } from '../http/status';
import { decodeProtobuf } from './protobuf';

/** The media type of a request, without parameters. */
export const mediaType = (contentType: string | undefined): string => String(contentType ?? 'application/json').split(';')[0].trim().toLowerCase();

/** Decodes a request body: JSON, or YAML (`application/yaml`, `application/apply-patch+yaml`). */
export function decodeBody(body: Buffer, contentType: string | undefined): unknown {
  const type = mediaType(contentType);
  const text = body.toString('utf8');
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobuf(body);
  if (type !== 'application/json' && !type.endsWith('+json') && !type.endsWith('yaml')) {
    throw statusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  if (text.trim() === '') throw badRequest('Object \'Kind\' is missing in \'\'');
  try {
    return type.endsWith('yaml') ? parse(text) : JSON.parse(text);
  } catch (err) {
    throw badRequest(`${type.endsWith('yaml') ? 'yaml' : 'json'}: ${(err as Error).message.split('\n')[0]}`);
  }
}
