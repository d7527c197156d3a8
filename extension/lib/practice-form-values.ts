/** What the member edits on a practice, in the popup and in the side panel. */
export interface PracticeFormValues {
  title: string;
  excerpt: string;
  areas: string[];
  tags: string[];
  note: string;
  stakeholderIds: string[];
  /** Kept in the city, or shared with the national network and the ICC programme. */
  visibility: 'city' | 'network';
}
