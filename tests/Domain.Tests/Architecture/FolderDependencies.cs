using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace PasKreatif.Domain.Tests.Architecture;

/// <summary>
/// Which Domain folder uses which, read from the compiled assembly: signatures, base types, attributes and
/// every type, method and field a method body names (lambdas and async state machines count for their owner).
/// </summary>
public static class FolderDependencies
{
    static readonly Dictionary<short, OpCode> OneByte = new();
    static readonly Dictionary<short, OpCode> TwoByte = new();

    static FolderDependencies()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            if (code.Size == 1) OneByte[code.Value] = code; else TwoByte[(short)(code.Value & 0xff)] = code;
        }
    }

    /// <summary>The folder a namespace belongs to: "Catalog" for PasKreatif.Catalog and PasKreatif.Catalog.X; "" for the root.</summary>
    public static string? FolderOf(Type? type)
    {
        while (type is { IsNested: true }) type = type.DeclaringType;
        var ns = type?.Namespace;
        if (ns is null || type!.Assembly != typeof(Money).Assembly) return null;
        if (ns == "PasKreatif") return "";
        if (!ns.StartsWith("PasKreatif.", StringComparison.Ordinal)) return null;
        var rest = ns["PasKreatif.".Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every arrow "folder → folder it uses", with one example type each, migrations left out.</summary>
    public static Dictionary<(string From, string To), string> Arrows()
    {
        var arrows = new Dictionary<(string, string), string>();
        var assembly = typeof(Money).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var from = FolderOf(type);
            if (string.IsNullOrEmpty(from) || type.Namespace!.Contains(".Migrations", StringComparison.Ordinal)) continue;
            foreach (var used in UsedBy(type))
            {
                var to = FolderOf(used);
                if (string.IsNullOrEmpty(to) || to == from) continue;
                arrows.TryAdd((from, to), OuterName(type) + " uses " + OuterName(used));
            }
        }
        return arrows;
    }

    /// <summary>Groups of folders that reach each other (strongly connected components with more than one folder).</summary>
    public static List<List<string>> Cycles(IEnumerable<(string From, string To)> arrows)
    {
        var graph = arrows.GroupBy(a => a.From).ToDictionary(g => g.Key, g => g.Select(a => a.To).ToList());
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(); var low = new Dictionary<string, int>();
        var stack = new Stack<string>(); var onStack = new HashSet<string>(); var result = new List<List<string>>();
        var counter = 0;
        void Visit(string v)
        {
            index[v] = low[v] = counter++; stack.Push(v); onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var seen)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], seen);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) result.Add(component.OrderBy(n => n, StringComparer.Ordinal).ToList());
        }
        foreach (var n in nodes) if (!index.ContainsKey(n)) Visit(n);
        return result;
    }

    static string OuterName(Type type)
    {
        while (type.IsNested && type.DeclaringType is { } outer) type = outer;
        return type.Name;
    }

    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static HashSet<Type> UsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments()) Add(a);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var a in type.CustomAttributes) Add(a.AttributeType);
        foreach (var f in type.GetFields(Everything)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType);
        foreach (var e in type.GetEvents(Everything)) Add(e.EventHandlerType);
        IEnumerable<MethodBase> methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var m in methods)
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyReferences(m)) Add(t);
        }
        return found;
    }

    static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception) { yield break; }
        if (il is null) yield break;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            OpCode code;
            if (il[at] == 0xFE) { code = TwoByte[il[at + 1]]; at += 2; }
            else { code = OneByte[il[at]]; at += 1; }
            switch (code.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + 4 * BitConverter.ToInt32(il, at); break;
                case OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField:
                {
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (Exception) { }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                        case MethodBase m:
                            if (m.DeclaringType is { } owner) yield return owner;
                            if (m.IsGenericMethod) foreach (var a in m.GetGenericArguments()) yield return a;
                            if (m is MethodInfo r) yield return r.ReturnType;
                            break;
                    }
                    break;
                }
                default: at += 4; break;
            }
        }
    }
}
