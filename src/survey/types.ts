/** Survey data as kept in the store (owned by the survey module; extend freely). */

export interface StoredSurvey {
  /** Short id, e.g. S3 */
  id: string
  [key: string]: unknown
}

export interface SurveyResponse {
  survey: string
  /** Hash of the source row, so re-ingesting the same file adds nothing. */
  rowHash: string
  [key: string]: unknown
}
