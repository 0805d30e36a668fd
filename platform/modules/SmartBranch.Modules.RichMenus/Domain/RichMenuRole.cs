namespace SmartBranch.Modules.RichMenus.Domain;

/// <summary>What a menu is for, which decides who sees it once it is published.</summary>
public enum RichMenuRole
{
    /// <summary>Every resident without a menu of their own sees it; with tabs, the first tab.</summary>
    Default,

    /// <summary>One tab of the default menu: residents switch to it through its alias.</summary>
    Tab,

    /// <summary>Shown to every resident while disaster mode (防災モード) is on.</summary>
    Disaster,

    /// <summary>Linked to the residents of a segment, or to one resident.</summary>
    Segment,
}
