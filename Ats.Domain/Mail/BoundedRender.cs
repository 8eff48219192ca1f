using System.Diagnostics;
using System.Text;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Messages = Ats.Domain.Resources.Messages;

namespace Ats.Domain.Mail;

/// One render held to <see cref="TemplateLimits"/>: Fluid counts the steps, and every place where a template can make
/// text or arrays grow (writing, assigning, a filter, a range) checks the size and the clock here.
internal sealed class BoundedRender(object model, TemplateOptions options, TimeSpan timeBudget) : TemplateContext(model, options, true)
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(timeBudget.TotalSeconds * Stopwatch.Frequency);
    private int _filterCalls;

    /// Fluid's own step count ran out (it reports that like too deep a recursion).
    public bool StepsExceeded => _steps > MaxSteps;

    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() >= _deadline) throw new MailTemplateException(Messages.TemplateTooSlow(TemplateLimits.RenderTime.TotalSeconds));
    }

    public static void CheckSize(FluidValue value)
    {
        if (Size(value, TemplateLimits.MaxOutput) > TemplateLimits.MaxOutput) throw TooLong();
    }

    public static MailTemplateException TooLong() => new(Messages.TemplateTooLong(TemplateLimits.MaxOutput));

    /// Characters in a value (an array counts its items too), counted only as far as the limit.
    private static long Size(FluidValue value, long limit)
    {
        if (value is StringValue) return value.ToStringValue().Length;
        if (value is not ArrayValue array) return 1;
        long size = array.Values.Count;
        foreach (var item in array.Values)
            if ((size += Size(item, limit)) > limit) break;
        return size;
    }

    /// Every filter, wrapped: counted as a step, its input and arguments and its result held to the size limit, and the
    /// two filters whose result can be the product of their inputs (`replace`, `join`) checked before they run.
    public static void BoundFilters(FilterCollection filters)
    {
        foreach (var (name, filter) in filters.ToList())
        {
            filters.AddFilter(name, async (input, arguments, context) =>
            {
                if (context is BoundedRender render)
                {
                    render.CheckTime();
                    if (++render._filterCalls > TemplateLimits.MaxSteps) throw TooManySteps();
                }
                CheckSize(input);
                foreach (var argument in arguments.Values ?? []) CheckSize(argument);
                if (name == "replace" && input is StringValue) CheckReplace(input.ToStringValue(), arguments);
                if (name == "join" && input is ArrayValue array) CheckJoin(array, arguments.At(0).ToStringValue());
                var result = await filter(input, arguments, context);
                CheckSize(result);
                return result;
            });
        }
    }

    public static MailTemplateException TooManySteps() => new(Messages.TemplateTooManySteps(TemplateLimits.MaxSteps));

    private static void CheckReplace(string text, FilterArguments arguments)
    {
        var (search, replacement) = (arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue());
        if (search.Length == 0 || replacement.Length <= search.Length) return;
        long size = text.Length;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
            if ((size += replacement.Length - search.Length) > TemplateLimits.MaxOutput) throw TooLong();
    }

    private static void CheckJoin(ArrayValue array, string separator)
    {
        var size = (long)Math.Max(0, array.Values.Count - 1) * separator.Length;
        foreach (var item in array.Values)
            if ((size += item.ToStringValue().Length) > TemplateLimits.MaxOutput) throw TooLong();
    }

    /// An assignment may not build a value larger than a whole mail (a string doubled in a loop).
    public static ValueTask<FluidValue> CheckAssigned(string identifier, FluidValue value, TemplateContext context)
    {
        (context as BoundedRender)?.CheckTime();
        CheckSize(value);
        return new ValueTask<FluidValue>(value);
    }
}

/// Rendered text, refused as soon as it grows past the limit (the rest of the render is not run).
internal sealed class BoundedWriter(BoundedRender render) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        Grow(1);
        _text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Grow(count);
        _text.Append(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Grow(value?.Length ?? 0);
        _text.Append(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Grow(buffer.Length);
        _text.Append(buffer);
    }

    // TextWriter's own async methods hand the work to the thread pool; here everything stays on the rendering thread.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Grow(int count)
    {
        render.CheckTime();
        if (_text.Length + (long)count > TemplateLimits.MaxOutput) throw BoundedRender.TooLong();
    }

    public override string ToString() => _text.ToString();
}

/// `(1..n)` builds all n numbers before a loop takes its first step: refused above the step limit, since a loop could
/// not go through more rounds anyway (the bounds may come from a value, e.g. a number typed as a candidate's name).
internal sealed class BoundedRange(RangeExpression range) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var start = (long)(await range.From.EvaluateAsync(context)).ToNumberValue();
        var end = (long)(await range.To.EvaluateAsync(context)).ToNumberValue();
        if (end - start + 1 > TemplateLimits.MaxSteps) throw BoundedRender.TooManySteps();
        return await range.EvaluateAsync(context);
    }

    /// Swaps every range of a parsed template for a bounded one.
    public sealed class Rewriter : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange((RangeExpression)base.VisitRangeExpression(rangeExpression));
    }
}
