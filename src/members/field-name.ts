/** Member attributes as tables and reports name them. */
import type {Translate} from '../i18n/index.js'

const KNOWN_FIELDS = new Set(['age', 'gender', 'region', 'occupation', 'interests', 'tags', 'level', 'title'])

/** A member attribute commops knows, named in `t`'s language (`region` → 地区); a workspace's own columns keep their name. */
export const fieldName = (field: string, t: Translate): string => (KNOWN_FIELDS.has(field) ? t(`members.field.${field}`) : field)
