// The data converter every planflow connection uses (worker, CLI, portal, simulate, bench, tests): the SDK's JSON
// payloads through planflow's codec, configured from PLANFLOW_PAYLOAD_KEYS.
import { DefaultFailureConverter, type DataConverter } from '@temporalio/common';
import { parsePayloadKeys } from './keys';
import { PlanflowPayloadCodec } from './payload-codec';

export { ENCODINGS, KEY_ID_METADATA, PlanflowPayloadCodec } from './payload-codec';
export { parsePayloadKeys, type PayloadKeys } from './keys';

export function planflowDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  const keys = parsePayloadKeys(env.PLANFLOW_PAYLOAD_KEYS);
  return {
    payloadCodecs: [new PlanflowPayloadCodec(keys)],
    // With keys, failure messages and stack traces are encrypted too: an SMTP refusal can name an address.
    ...(keys ? { failureConverter: new DefaultFailureConverter({ encodeCommonAttributes: true }) } : {}),
  };
}
