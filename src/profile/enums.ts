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
  'flexible_employment', // 灵活就业人员
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
  'skilled_talent', // 高技能人才贯通
  'one_step', // “一步到位” (机关、参公人员到企事业单位)
  'direct', // 直接申报高一级 (突出贡献、省部级以上表彰)
  'direct_determination', // 直接评定 (引进或作出突出贡献的人才)
  'initial_appointment', // 职称初定 (大中专毕业生)
] as const;
export type ApplicationRoute = (typeof APPLICATION_ROUTES)[number];

/** How a title was obtained. */
export const TITLE_ROUTES = ['evaluation', 'exam', 'initial_appointment', 'exceptional', 'recognition'] as const;
export type TitleRoute = (typeof TITLE_ROUTES)[number];

/** Where the employer is, as the grassroots (基层) policies distinguish it. */
export const UNIT_LOCATIONS = [
  'city', // 城区
  'county_town', // 县城
  'township', // 乡镇
  'agriculture_subdistrict', // 涉农街道
  'village', // 村
] as const;
export type UnitLocation = (typeof UNIT_LOCATIONS)[number];

export const UNIT_TYPES = [
  'primary_secondary_school', // 中小学
  'senior_high_school', // 普通高中 (where a notice sets it apart from other schools)
  'kindergarten', // 幼儿园
  'township_health_center', // 乡镇卫生院
  'village_clinic', // 村卫生室
  'community_health_center', // 社区卫生服务中心(站)
  'other_primary_health_institution', // 其他基层医疗卫生机构
  'hospital', // 医院
  'agricultural_service_institution', // 农业(畜牧兽医)服务机构
  'university', // 高等院校
  'research_institute', // 科研机构
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** Post categories the notices single out. */
export const POST_CATEGORIES = ['teaching', 'clinical', 'public_health', 'agronomy', 'animal_husbandry', 'veterinary', 'engineering', 'other'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

/** A central unit in Beijing (中央在京单位), and which level of it. */
export const CENTRAL_UNIT_LEVELS = [
  'none',
  'headquarters', // 中央在京单位本级
  'second_level', // 所属二级单位
  'lower_level', // 其他下属单位
] as const;
export type CentralUnitLevel = (typeof CENTRAL_UNIT_LEVELS)[number];

export const ORIGINS = ['mainland', 'hong_kong_macao_taiwan', 'foreign'] as const; // 港澳台 / 外籍
export type Origin = (typeof ORIGINS)[number];

/** 职业技能等级 / 技能类职业资格, lowest first. */
export const SKILL_LEVELS = ['junior_worker', 'intermediate_worker', 'senior_worker', 'technician', 'senior_technician'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Which unit submits the application. */
export const APPLYING_UNITS = [
  'personnel_relation_unit', // 人事隶属关系所在单位
  'social_insurance_unit', // 社会保险所在单位
  'other',
] as const;
export type ApplyingUnit = (typeof APPLYING_UNITS)[number];

export const AWARD_LEVELS = ['national', 'provincial_ministerial', 'prefectural', 'county', 'other'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

export const EXAM_KINDS = [
  'national_professional_qualification', // 国家统一组织的专业技术人员职业资格考试
  'senior_title_exam', // 高级专业技术资格考试 (e.g. 卫生系列)
  'other',
] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

/** Fields of a freelancer's work that Beijing's notice names. */
export const FREELANCE_FIELDS = ['stage_film', 'fine_art', 'animation_games', 'literature', 'arts_and_crafts', 'other'] as const;
export type FreelanceField = (typeof FREELANCE_FIELDS)[number];
