/**
 * The Lambda entry point. CONTRACT STUB: implemented under issue 5 (it only wires the
 * adapters to the shared run function).
 */
export async function handler(event: unknown): Promise<unknown> {
  void event;
  throw new Error('handler: not implemented yet');
}
