using System.Diagnostics.CodeAnalysis;

// The store ports read an entity by key with Get(id), as the stores always did; no other .NET language implements
// them, so the VB keyword clash CA1716 warns about cannot arise.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespaceanddescendants", Target = "~N:Bot.Dialogs.Storage", Justification = "Get(id) on the store ports; C# only.")]
