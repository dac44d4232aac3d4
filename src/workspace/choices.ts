/**
 * What `init` offers, in one table: the --platform and --type flags take exactly these values and the questions on a
 * terminal list exactly these, with names in the person's language. The values are the community.yaml schema's.
 */
import type {Translate} from '../i18n/index.js'
import {defaultTemplateFor} from '../rules/templates.js'
import {COMMUNITY_TYPES, PLATFORM_TYPES} from '../schema/kinds/community.js'

export type PlatformType = (typeof PLATFORM_TYPES)[number]
export type CommunityType = (typeof COMMUNITY_TYPES)[number]

/** The community type when none is given. */
export const DEFAULT_COMMUNITY_TYPE: CommunityType = 'interest'

export interface Choice<T extends string> {
  value: T
  name: string
  description?: string
}

/** The values `init --platform` takes, in the order the question lists them. */
export const INIT_PLATFORMS: readonly PlatformType[] = PLATFORM_TYPES

/** The values `init --type` takes, in the order the question lists them. */
export const INIT_TYPES: readonly CommunityType[] = COMMUNITY_TYPES

/** The platforms as the question lists them: WeChat (wechat), 飞书 (feishu)… */
export function platformChoices(t: Translate): Array<Choice<PlatformType>> {
  return INIT_PLATFORMS.map((value) => ({value, name: `${t(`init.platform.${value}`)} (${value})`}))
}

/** The community types as the question lists them, each with the rules template (and playbooks) it brings. */
export function typeChoices(t: Translate): Array<Choice<CommunityType>> {
  return INIT_TYPES.map((value) => ({
    value,
    name: `${t(`init.type.${value}`)} (${value})`,
    description: t(`init.type.${value}.means`, {template: defaultTemplateFor(value)}),
  }))
}
