/**
 * Mainland China public holidays (法定节假日放假安排), as data: the days off, including the weekend days the
 * arrangement joins to them. Make-up working days (调休上班) are listed for reference; content is not skipped on them.
 *
 * 2026: from the State Council General Office notice on the 2026 holiday arrangements (published November 2025).
 * 2027: NOT yet published when this list was written. It follows the usual pattern (New Year 3 days, Spring Festival
 * from the eve for 8 days, Qingming and Dragon Boat and Mid-Autumn on their dates, Labour Day and National Day as
 * 5- and 7-day breaks) and MUST be checked against the State Council notice when it is published (usually in
 * November 2026), then `projected` removed.
 */

export interface HolidayRange {
  /** First day off, YYYY-MM-DD. */
  from: string
  /** Last day off, inclusive. */
  to: string
  name: {'zh-CN': string; en: string}
}

export interface HolidayYear {
  /** True while the year's list is our projection rather than the published notice. */
  projected: boolean
  holidays: HolidayRange[]
  /** Make-up working days (调休上班). */
  workdays: string[]
}

const N = {
  newYear: {'zh-CN': '元旦', en: "New Year's Day"},
  spring: {'zh-CN': '春节', en: 'Spring Festival'},
  qingming: {'zh-CN': '清明节', en: 'Qingming Festival'},
  labour: {'zh-CN': '劳动节', en: 'Labour Day'},
  dragonBoat: {'zh-CN': '端午节', en: 'Dragon Boat Festival'},
  midAutumn: {'zh-CN': '中秋节', en: 'Mid-Autumn Festival'},
  national: {'zh-CN': '国庆节', en: 'National Day'},
}

export const ZH_CN_HOLIDAYS: Record<number, HolidayYear> = {
  2026: {
    projected: false,
    holidays: [
      {from: '2026-01-01', to: '2026-01-03', name: N.newYear},
      {from: '2026-02-15', to: '2026-02-23', name: N.spring},
      {from: '2026-04-04', to: '2026-04-06', name: N.qingming},
      {from: '2026-05-01', to: '2026-05-05', name: N.labour},
      {from: '2026-06-19', to: '2026-06-21', name: N.dragonBoat},
      {from: '2026-09-25', to: '2026-09-27', name: N.midAutumn},
      {from: '2026-10-01', to: '2026-10-07', name: N.national},
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // Projected: check against the State Council notice for 2027 when it is published.
  2027: {
    projected: true,
    holidays: [
      {from: '2027-01-01', to: '2027-01-03', name: N.newYear},
      {from: '2027-02-05', to: '2027-02-12', name: N.spring},
      {from: '2027-04-03', to: '2027-04-05', name: N.qingming},
      {from: '2027-05-01', to: '2027-05-05', name: N.labour},
      {from: '2027-06-09', to: '2027-06-09', name: N.dragonBoat},
      {from: '2027-09-15', to: '2027-09-15', name: N.midAutumn},
      {from: '2027-10-01', to: '2027-10-07', name: N.national},
    ],
    workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
  },
}
