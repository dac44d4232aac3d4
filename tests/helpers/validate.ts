import type {Locale} from '../../src/i18n/index.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {validateText as validateKinds, type TextResult} from '../../src/schema/validate.js'

/** Validates a text against every kind, as `commops validate` does. */
export const validateText = (text: string, file: string, locale: Locale): TextResult => validateKinds(text, file, locale, KINDS)
