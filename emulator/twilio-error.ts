import type { FastifyReply } from "fastify";

/** Twilio's classic error body, as every Twilio API (v1 and v2) returns it. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioErrorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** Send a Twilio error response; route handlers `return sendTwilioError(...)`. */
export function sendTwilioError(reply: FastifyReply, status: number, code: number, message: string): FastifyReply {
  return reply
    .code(status)
    .type("application/json")
    .send(twilioErrorBody(status, code, message));
}
