namespace PasKreatif.Organisation;

/// <summary>One option of a back-office pick list: a group, a programme, a regency.</summary>
public sealed record Choice(int Id, string Name);
