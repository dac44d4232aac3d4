/** What the steps that read a period (`metrics`, `scorecard.compute`, `report`) share: a custom period's inputs. */

export interface CustomPeriodInput {
  period?: string
  from?: string
  to?: string
}

const dateText = {type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$'}

/** The `from`/`to` of a step's `with:` schema: a custom period instead of `period`, both days included. */
export const customPeriodProperties = {
  from: {...dateText, description: 'First day of a custom period (instead of period)'},
  to: {...dateText, description: 'Last day of a custom period, included'},
}

/** The period a step names, as its description shows it (`2026-10`, `2026-07-01..2026-09-30`); undefined for the default. */
export const stepPeriodLabel = (input: CustomPeriodInput): string | undefined =>
  input.period ?? (input.from ? `${input.from}..${input.to ?? ''}` : undefined)
