/**
 * Carries the declared `adoptExisting` into recorded outputs. Twilio knows nothing of the flag, so
 * it is kept from the inputs (or from the last recorded outputs on read); an undeclared flag is
 * left out of state rather than recorded as undefined, so turning it off shows as a removal.
 */
export function withAdoption<O extends { adoptExisting?: boolean }>(outs: O, adoptExisting: boolean | undefined): O {
  const { adoptExisting: _ignored, ...rest } = outs;
  return (adoptExisting === undefined ? rest : { ...rest, adoptExisting }) as O;
}
