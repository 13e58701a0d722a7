/**
 * The closed vocabularies of an applicant profile. Values are stable English identifiers (safe as JSON
 * keys and form values); their Chinese and English labels live in the locale files, not here.
 */

/** Title levels, lowest first. 员级 and 助理级 together are what the notices call 初级. */
export const TITLE_LEVELS = ['clerk', 'assistant', 'intermediate', 'deputy_senior', 'senior'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** The national 职称系列 (series). */
export const SERIES = [
  'higher_education_teachers', // 高等学校教师
  'social_science_research', // 哲学社会科学研究
  'natural_science_research', // 自然科学研究
  'health', // 卫生技术 (卫生(计生))
  'engineering', // 工程技术
  'agriculture', // 农业技术
  'journalism', // 新闻
  'publishing', // 出版
  'library', // 图书资料
  'cultural_relics', // 文物博物
  'archives', // 档案
  'arts_and_crafts', // 工艺美术
  'technical_school_teachers', // 技工院校教师
  'sports', // 体育
  'translation', // 翻译
  'broadcasting', // 播音主持
  'accounting', // 会计
  'statistics', // 统计
  'economics', // 经济
  'laboratory', // 实验技术
  'secondary_vocational_teachers', // 中等职业学校教师
  'primary_secondary_teachers', // 中小学教师 (含幼儿园)
  'art', // 艺术
  'public_legal_services', // 公共法律服务
  'ship_technology', // 船舶技术
  'civil_aviation', // 民用航空飞行技术
  'audit', // 审计
  'mass_culture', // 群众文化
] as const;
export type Series = (typeof SERIES)[number];

/** Education levels, lowest first. `second_bachelor` is 第二学士学位. */
export const EDUCATION_LEVELS = [
  'secondary', // 高中、中专及以下
  'associate', // 大专(专科)
  'bachelor', // 本科(学士)
  'second_bachelor', // 第二学士
  'master', // 硕士研究生
  'doctorate', // 博士研究生
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** 学历 (a diploma of completed study) or 学位 (a degree). Some notices count only one of them. */
export const CREDENTIALS = ['diploma', 'degree'] as const;
export type Credential = (typeof CREDENTIALS)[number];

export const EMPLOYER_KINDS = [
  'government_agency', // 机关
  'public_institution', // 事业单位
  'enterprise', // 企业
  'social_organization', // 社会组织
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

/** How the applicant works for the employer. */
export const ENGAGEMENTS = [
  'employee', // 在职(聘用、劳动合同)
  'flexible_introduction', // 柔性引进
  'freelancer', // 自由职业
] as const;
export type Engagement = (typeof ENGAGEMENTS)[number];

/** 公务员 status. */
export const CIVIL_SERVICE = [
  'none',
  'civil_servant', // 公务员
  'managed_as_civil_servant', // 参照公务员法管理人员
] as const;
export type CivilService = (typeof CIVIL_SERVICE)[number];

export const SANCTION_KINDS = ['party', 'administrative'] as const; // 党纪 / 政纪
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const INTEGRITY_RECORD_KINDS = ['fraud', 'academic_misconduct', 'other'] as const; // 弄虚作假 / 学术不端
export type IntegrityRecordKind = (typeof INTEGRITY_RECORD_KINDS)[number];

/** The routes an applicant can declare. Routes a profile's facts already imply are not declared. */
export const APPLICATION_ROUTES = [
  'normal', // 正常申报
  'exceptional', // 破格
] as const;
export type ApplicationRoute = (typeof APPLICATION_ROUTES)[number];

/** How a title was obtained. */
export const TITLE_ROUTES = ['evaluation', 'exam', 'initial_appointment', 'exceptional', 'recognition'] as const;
export type TitleRoute = (typeof TITLE_ROUTES)[number];
