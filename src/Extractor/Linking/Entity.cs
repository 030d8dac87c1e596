namespace Extractor.Linking;

/// <summary>
/// Who published a document, as the links see it: the <see cref="Key"/> that stays the same however the name is printed,
/// what the document covers (<see cref="Scope"/>: 部门 or 单位), the key of the department a unit belongs to
/// (<see cref="Department"/>; a unit's own key when nothing says otherwise, as the 本级 unit of a department publishes
/// under the department's name), the higher divisions the printed name gave (<see cref="Higher"/>), and whether the
/// user's mapping decided it (<see cref="Mapped"/>).
/// </summary>
public sealed record Entity(string Key, string Scope, string Department, string Higher, bool Mapped)
{
    public static Entity None { get; } = new(string.Empty, EntityScope.Department, string.Empty, string.Empty, false);
}
