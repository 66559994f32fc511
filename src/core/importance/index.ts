/** Which input columns a model leans on: AUC drop when a column's encoded inputs are permuted together. */
export { permutationImportance, slotGroups, type ColumnImportance, type PermutationImportance, type PermutationImportanceInput, type SlotGroup } from './permutationImportance';
