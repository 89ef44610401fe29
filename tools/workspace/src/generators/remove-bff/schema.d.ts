export interface RemoveBffGeneratorSchema {
  name: string;
}
