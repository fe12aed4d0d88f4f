using System.Buffers;
using System.Runtime.CompilerServices;

namespace FixIt.Domain.Spatial;

/// <summary>
/// A growable list over arrays rented from <see cref="ArrayPool{T}.Shared"/>, for the index build's scratch data:
/// a rebuild reuses the arrays of the previous one instead of leaving gigabytes of garbage. Used as a stack too
/// (<see cref="Truncate"/>). Dispose returns the array; <see cref="ToArray"/> copies the content out exactly sized.
/// Arrays above <see cref="PooledLimit"/> items are allocated and dropped, never pooled: a pool would keep them
/// alive between rebuilds, which is the memory the index saves.
/// </summary>
internal sealed class ScratchList<T>(int capacity = 256) : IDisposable
    where T : unmanaged
{
    /// <summary>Largest array (items) taken from and given back to the shared pool.</summary>
    internal const int PooledLimit = 1 << 16;

    private T[] _items = Rent(Math.Max(capacity, 16));

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    public Span<T> Span(int start, int length) => _items.AsSpan(start, length);

    public Span<T> AsSpan() => _items.AsSpan(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > _items.Length)
        {
            Grow(Count + items.Length);
        }

        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    /// <summary>Appends a copy of items <paramref name="start"/> .. + <paramref name="length"/> of this list.</summary>
    public void AddCopyOf(int start, int length)
    {
        if (Count + length > _items.Length)
        {
            Grow(Count + length);
        }

        _items.AsSpan(start, length).CopyTo(_items.AsSpan(Count));
        Count += length;
    }

    /// <summary>Makes room for <paramref name="count"/> more items and returns them (uninitialised).</summary>
    public Span<T> Append(int count)
    {
        if (Count + count > _items.Length)
        {
            Grow(Count + count);
        }

        var span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    public void Truncate(int count) => Count = count;

    public T[] ToArray() => _items.AsSpan(0, Count).ToArray();

    private void Grow(int needed)
    {
        var bigger = Rent(Math.Max(needed, _items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(bigger);
        Return(_items);
        _items = bigger;
    }

    private static T[] Rent(int length) =>
        length <= PooledLimit ? ArrayPool<T>.Shared.Rent(length) : GC.AllocateUninitializedArray<T>(length);

    private static void Return(T[] items)
    {
        if (items.Length <= PooledLimit)
        {
            ArrayPool<T>.Shared.Return(items);
        }
    }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            Return(_items);
            _items = [];
        }

        Count = 0;
    }
}
